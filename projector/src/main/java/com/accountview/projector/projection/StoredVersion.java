package com.accountview.projector.projection;

import java.math.BigInteger;

/** What the read model holds for one entity before a batch: its version and whether it is deleted. */
record StoredVersion(BigInteger version, boolean deleted) {
}
