package com.revos.voice.simulator.twilio;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.revos.voice.simulator.Ids;
import com.revos.voice.simulator.ProviderErrors;

/** Twilio's number search, purchase and release (provider-apis.md §8), in the JSON twilio-java parses. */
@RestController
@RequestMapping("/2010-04-01/Accounts/{accountSid}")
class TwilioNumbersController {

    /** Twilio's dates are RFC 2822 with a numeric zone, which twilio-java's DateConverter expects. */
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.US);
    private static final int DEFAULT_PAGE_SIZE = 50;

    private final IncomingNumberStore numbers;

    TwilioNumbersController(IncomingNumberStore numbers) {
        this.numbers = numbers;
    }

    @GetMapping("/AvailablePhoneNumbers/{country}/{kind}.json")
    ResponseEntity<Object> available(@PathVariable String accountSid, @PathVariable String country,
                                     @PathVariable String kind, @RequestParam Map<String, String> query) {
        if (!kind.equals("Local") && !kind.equals("TollFree") && !kind.equals("Mobile")) {
            return ProviderErrors.twilio(20404, "The requested resource was not found", 404);
        }
        int pageSize = parsePageSize(query.get("PageSize"));
        List<Map<String, Object>> found = AvailableNumbers.search(country, kind.equals("TollFree"),
                query.get("AreaCode"), query.get("Contains"), pageSize, numbers::owns);
        String uri = "/2010-04-01/Accounts/" + accountSid + "/AvailablePhoneNumbers/" + country + "/" + kind
                + ".json?PageSize=" + pageSize;
        return ResponseEntity.ok(page("available_phone_numbers", found, uri, pageSize));
    }

    /** Lists owned numbers; the provisioning service looks a number up by {@code PhoneNumber} after a lost answer. */
    @GetMapping("/IncomingPhoneNumbers.json")
    ResponseEntity<Object> owned(@PathVariable String accountSid, @RequestParam Map<String, String> query) {
        int pageSize = parsePageSize(query.get("PageSize"));
        List<Map<String, Object>> found = numbers.list(accountSid, query.get("PhoneNumber"));
        String uri = "/2010-04-01/Accounts/" + accountSid + "/IncomingPhoneNumbers.json?PageSize=" + pageSize;
        return ResponseEntity.ok(page("incoming_phone_numbers", found.subList(0, Math.min(pageSize, found.size())),
                uri, pageSize));
    }

    /** Twilio's 2010 API page: the records under a resource-named key plus the paging uris twilio-java reads. */
    private static Map<String, Object> page(String key, List<Map<String, Object>> records, String uri,
                                            int pageSize) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put(key, records);
        page.put("end", Math.max(0, records.size() - 1));
        page.put("first_page_uri", uri + "&Page=0");
        page.put("next_page_uri", null);
        page.put("page", 0);
        page.put("page_size", pageSize);
        page.put("previous_page_uri", null);
        page.put("start", 0);
        page.put("uri", uri);
        return page;
    }

    @PostMapping(value = "/IncomingPhoneNumbers.json", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Object> buy(@PathVariable String accountSid, @RequestParam Map<String, String> form) {
        String phoneNumber = form.get("PhoneNumber");
        if (phoneNumber == null || phoneNumber.isBlank()) {
            String areaCode = form.get("AreaCode");
            if (areaCode == null || areaCode.isBlank()) {
                return ProviderErrors.twilio(21450, "Either PhoneNumber or AreaCode is required", 400);
            }
            List<Map<String, Object>> candidates = AvailableNumbers.search("US", false, areaCode, null, 1,
                    numbers::owns);
            if (candidates.isEmpty()) {
                return ProviderErrors.twilio(21452, "No phone numbers found in area code " + areaCode, 400);
            }
            phoneNumber = (String) Objects.requireNonNull(candidates.getFirst().get("phone_number"),
                    "every listed number has a phone_number");
        }
        if (!phoneNumber.matches("\\+[1-9]\\d{6,14}")) {
            return ProviderErrors.twilio(21421, "PhoneNumber is invalid", 400);
        }
        String sid = Ids.of("PN", 32);
        return numbers.buy(sid, phoneNumber, resource(accountSid, sid, phoneNumber, form))
                .<ResponseEntity<Object>>map(r -> ResponseEntity.status(HttpStatus.CREATED).body(r))
                .orElseGet(() -> ProviderErrors.twilio(21422, "PhoneNumber is not available", 400));
    }

    @GetMapping("/IncomingPhoneNumbers/{sid}.json")
    ResponseEntity<Object> fetch(@PathVariable String accountSid, @PathVariable String sid) {
        return numbers.find(accountSid, sid)
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> notFound(accountSid, sid));
    }

    @DeleteMapping("/IncomingPhoneNumbers/{sid}.json")
    ResponseEntity<Object> release(@PathVariable String accountSid, @PathVariable String sid) {
        return numbers.release(accountSid, sid) ? ResponseEntity.noContent().build() : notFound(accountSid, sid);
    }

    private static ResponseEntity<Object> notFound(String accountSid, String sid) {
        return ProviderErrors.twilio(20404, "The requested resource /2010-04-01/Accounts/" + accountSid
                + "/IncomingPhoneNumbers/" + sid + ".json was not found", 404);
    }

    private static int parsePageSize(@Nullable String value) {
        try {
            return value == null ? DEFAULT_PAGE_SIZE : Math.max(1, Math.min(1000, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return DEFAULT_PAGE_SIZE;
        }
    }

    private static Map<String, Object> resource(String accountSid, String sid, String phoneNumber,
                                                Map<String, String> form) {
        String now = RFC_2822.format(ZonedDateTime.now(ZoneOffset.UTC));
        String uri = "/2010-04-01/Accounts/" + accountSid + "/IncomingPhoneNumbers/" + sid + ".json";
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("account_sid", accountSid);
        r.put("address_requirements", "none");
        r.put("address_sid", form.get("AddressSid"));
        r.put("api_version", "2010-04-01");
        r.put("beta", false);
        r.put("capabilities", Map.of("voice", true, "sms", true, "mms", true, "fax", false));
        r.put("date_created", now);
        r.put("date_updated", now);
        r.put("emergency_status", "Inactive");
        r.put("emergency_address_sid", null);
        r.put("emergency_address_status", "unregistered");
        r.put("friendly_name", form.getOrDefault("FriendlyName", AvailableNumbers.friendlyName(phoneNumber)));
        r.put("identity_sid", form.get("IdentitySid"));
        r.put("origin", "twilio");
        r.put("phone_number", phoneNumber);
        r.put("sid", sid);
        r.put("sms_application_sid", "");
        r.put("sms_fallback_method", "POST");
        r.put("sms_fallback_url", "");
        r.put("sms_method", form.getOrDefault("SmsMethod", "POST"));
        r.put("sms_url", form.getOrDefault("SmsUrl", ""));
        r.put("status_callback", form.getOrDefault("StatusCallback", ""));
        r.put("status_callback_method", form.getOrDefault("StatusCallbackMethod", "POST"));
        r.put("trunk_sid", form.get("TrunkSid"));
        r.put("uri", uri);
        r.put("voice_application_sid", form.getOrDefault("VoiceApplicationSid", ""));
        r.put("voice_caller_id_lookup", Boolean.parseBoolean(form.getOrDefault("VoiceCallerIdLookup", "false")));
        r.put("voice_fallback_method", form.getOrDefault("VoiceFallbackMethod", "POST"));
        r.put("voice_fallback_url", form.getOrDefault("VoiceFallbackUrl", ""));
        r.put("voice_method", form.getOrDefault("VoiceMethod", "POST"));
        r.put("voice_url", form.getOrDefault("VoiceUrl", ""));
        r.put("voice_receive_mode", "voice");
        r.put("status", "in-use");
        r.put("bundle_sid", form.get("BundleSid"));
        r.put("subresource_uris", Map.of("assigned_add_ons", uri.replace(".json", "/AssignedAddOns.json")));
        return r;
    }
}
