package com.revos.voice.dialer.call.application;

import com.revos.voice.dialer.call.model.ConversationStatus;
import com.revos.voice.dialer.call.model.PlaceCall;
import com.revos.voice.dialer.call.model.PlacedCallQuery;
import com.revos.voice.dialer.call.model.ProviderResult;
import com.revos.voice.dialer.call.model.Resolution;
import java.util.Optional;

/** The voice provider, as the dialer needs it. Implementations never throw for provider trouble. */
public interface CallProvider {

    /** Sends one request; the result says what it proves about the call (placed, refused, not sent, ambiguous). */
    ProviderResult place(PlaceCall call);

    /** The conversation, or empty when the provider cannot say now. */
    Optional<ConversationStatus> conversation(String conversationId);

    /** Looks for the call an ambiguous attempt may have placed; {@link Resolution.Absent} only when it is certain. */
    Resolution find(PlacedCallQuery query);
}
