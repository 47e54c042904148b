package com.accountview.query.accounts;

import java.util.UUID;

/** The {@code AccountId} body: {@code {"id": "<account uuid>"}}. */
record AccountId(UUID id) {
}
