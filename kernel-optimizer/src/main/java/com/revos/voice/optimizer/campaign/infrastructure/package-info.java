/** The rules on Kafka Streams, the decision log and trail in PostgreSQL, their API. */
@NullMarked
package com.revos.voice.optimizer.campaign.infrastructure;

import org.jspecify.annotations.NullMarked;
