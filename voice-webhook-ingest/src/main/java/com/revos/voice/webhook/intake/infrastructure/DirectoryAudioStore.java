package com.revos.voice.webhook.intake.infrastructure;

import com.revos.voice.webhook.intake.application.AudioStore;
import com.revos.voice.webhook.intake.application.AudioStoreUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keeps recordings as files under one directory ({@code revos.webhooks.recordings-directory}), as
 * {@code <agent id>/<conversation id>.mp3}. Each is written whole beside its target and then moved into place, so
 * a reader never sees half a recording and a redelivered webhook simply replaces the file.
 */
final class DirectoryAudioStore implements AudioStore {

    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final Path root;

    DirectoryAudioStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Optional<String> store(String conversationId, @Nullable String agentId, byte[] mp3) {
        var key = fileName(agentId == null ? "unknown-agent" : agentId) + "/" + fileName(conversationId) + ".mp3";
        var target = root.resolve(key);
        try {
            Files.createDirectories(target.getParent());
            var partial = Files.createTempFile(target.getParent(), ".recording-", ".partial");
            try {
                Files.write(partial, mp3);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new AudioStoreUnavailableException("cannot keep the recording " + key + " under " + root, e);
        }
        return Optional.of(key);
    }

    /** Ids come from the provider: anything but a plain id becomes its hash, so none can climb out of the root. */
    private static String fileName(String id) {
        return PLAIN_ID.matcher(id).matches() ? id
                : UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
