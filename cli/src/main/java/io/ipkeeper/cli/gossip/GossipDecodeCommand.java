package io.ipkeeper.cli.gossip;

import io.ipkeeper.gossip.internal.wire.Keyring;
import io.ipkeeper.gossip.internal.wire.WireFormatException;
import io.ipkeeper.gossip.internal.wire.WireOptions;
import io.ipkeeper.gossip.internal.wire.json.WireDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ipkeeper gossip decode}: prints a captured memberlist/Serf frame as JSON. Bad input exits with 2 and one
 * line on stderr naming the layer that failed and the byte offset; never a stack trace.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode a memberlist/Serf frame given as hex and print it as JSON.",
                "Input: --hex, or hex on stdin (whitespace ignored). A UDP payload by default; with --tcp, the bytes "
                        + "of one direction of a TCP stream."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:decoded", "2:invalid input (the reason names the layer and byte offset)"})
public final class GossipDecodeCommand implements Callable<Integer> {
    static final int EXIT_INVALID = 2;
    /** 64 KiB UDP packets or 20 MiB streams as hex, with room for whitespace. */
    private static final int MAX_INPUT_CHARS = 64 * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--hex", paramLabel = "HEX", description = "The frame as hex (else read from stdin).")
    String hex;

    @Option(names = "--tcp", description = "Treat the bytes as one direction of a TCP stream.")
    boolean tcp;

    @Option(names = "--key", paramLabel = "BASE64",
            description = "AES key (16, 24 or 32 bytes, base64); repeat for a keyring, the first is primary.")
    List<String> keys = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        byte[] bytes;
        WireOptions options = WireOptions.plain();
        try {
            bytes = parseHex(hex != null ? hex : readStdin());
            if (!keys.isEmpty()) {
                options = options.withKeyring(Keyring.ofBase64(keys));
            }
        } catch (InvalidInputException e) {
            return fail(e.getMessage());
        } catch (IllegalArgumentException e) {
            return fail("--key: " + e.getMessage());
        }
        try {
            out.println(WireDecoder.decodeToJson(bytes, tcp, options));
            out.flush();
            return 0;
        } catch (WireFormatException e) {
            return fail("layer " + e.getMessage());
        } catch (RuntimeException e) {
            // a decoder bug must still not print a stack trace at the user
            return fail("internal error while decoding: " + e);
        }
    }

    private int fail(String reason) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: " + reason.replace('\n', ' '));
        err.flush();
        return EXIT_INVALID;
    }

    private static String readStdin() throws InvalidInputException {
        try {
            InputStream in = System.in;
            byte[] data = in.readNBytes(MAX_INPUT_CHARS + 1);
            if (data.length > MAX_INPUT_CHARS) {
                throw new InvalidInputException("input: more than " + MAX_INPUT_CHARS + " characters on stdin");
            }
            return new String(data, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new InvalidInputException("input: cannot read stdin: " + e.getMessage());
        }
    }

    static byte[] parseHex(String text) throws InvalidInputException {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            if (Character.digit(c, 16) < 0) {
                throw new InvalidInputException("input: not hex: character '" + c + "' at position " + i);
            }
            sb.append(c);
        }
        if (sb.isEmpty()) {
            throw new InvalidInputException("input: no hex given (use --hex or stdin)");
        }
        if (sb.length() % 2 != 0) {
            throw new InvalidInputException("input: odd number of hex digits (" + sb.length() + ")");
        }
        return HexFormat.of().parseHex(sb);
    }

    /** Input that is not hex at all (before any wire layer is involved). */
    static final class InvalidInputException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidInputException(String message) {
            super(message, null, false, false);
        }
    }
}
