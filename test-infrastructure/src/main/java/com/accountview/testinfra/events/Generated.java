package com.accountview.testinfra.events;

/**
 * Placeholders for values a builder fills in only when the event is built, so that every built
 * event gets a fresh event id and one "now" shared by {@code time} and {@code updated_at}.
 */
enum Generated {
    EVENT_ID,
    NOW,
    TYPE
}
