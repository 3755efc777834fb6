package com.revos.voice.dialer.call.application;

import com.revos.voice.dialer.call.model.PlacedCallQuery;
import com.revos.voice.dialer.call.model.Resolution;
import java.util.function.Predicate;

/**
 * The carrier's call records (Twilio's Calls list of the account ElevenLabs dials through): the second witness of
 * whether an attempt whose answer was lost placed a call. Implementations never throw for carrier trouble.
 */
public interface CarrierRecords {

    /** {@code claimed}: call SIDs other attempts of ours already own, which cannot be this attempt's call. */
    Resolution find(PlacedCallQuery query, Predicate<String> claimed);
}
