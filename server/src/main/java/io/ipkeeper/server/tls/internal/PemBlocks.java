package io.ipkeeper.server.tls.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code -----BEGIN X----- … -----END X-----} blocks of a PEM file, decoded. */
final class PemBlocks {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");

    /** One block: its label (e.g. {@code PRIVATE KEY}) and DER bytes. */
    record Block(String label, byte[] der) {}

    private PemBlocks() {}

    /** Every well-formed block in {@code text}, in order; base64 that does not decode is an error. */
    static List<Block> parse(String text) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
        }
        return out;
    }
}
