package com.revos.voice.optimizer.campaign.infrastructure;

import com.revos.voice.optimizer.campaign.model.CampaignState;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** The campaign state in its compact binary form (the model owns the format). */
final class CampaignStateSerde implements Serde<CampaignState> {

    @Override
    public Serializer<CampaignState> serializer() {
        return (topic, state) -> state == null ? null : state.toBytes();
    }

    @Override
    public Deserializer<CampaignState> deserializer() {
        return (topic, bytes) -> bytes == null ? null : CampaignState.fromBytes(bytes);
    }
}
