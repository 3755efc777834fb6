package com.revos.voice.dialer.campaign.model;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming RFC 4180 reader: one record at a time, quoted fields with commas, doubled quotes and line breaks,
 * CRLF or LF. Memory stays at one record whatever the upload's size.
 */
public final class CsvReader {

    private final Reader in;
    private int peeked = -2;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** The next record's fields, or null at the end of input. */
    public @Nullable List<String> next() {
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        while (true) {
            var c = read();
            if (c == -1) {
                if (!any) {
                    return null;
                }
                fields.add(field.toString());
                return fields;
            }
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
        }
    }

    private int read() {
        if (peeked != -2) {
            var c = peeked;
            peeked = -2;
            return c;
        }
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int peek() {
        if (peeked == -2) {
            try {
                peeked = in.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return peeked;
    }
}
