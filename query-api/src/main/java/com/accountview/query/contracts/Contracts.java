package com.accountview.query.contracts;

import java.util.List;

/** The {@code Contracts} body: an account's live contracts, newest {@code start_date} first. */
record Contracts(List<Contract> contracts) {
}
