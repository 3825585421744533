package io.ipkeeper.cli.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GossipDecodeCommandTest {
    /** Captured frames (memberlist 0.2.2 on loopback), see gossip/src/test/resources/vectors. */
    private static final String UDP_PING = "0085a44e6f6465a4676f2d64a55365714e6f02aa536f7572636541646472a47f000001aa5"
            + "36f757263654e6f6465a4676f2d63aa536f75726365506f7274cd1f13";
    private static final String UDP_CRC_DEAD = "0c98552d530583a446726f6da4676f2d64ab496e6361726e6174696f6e01a44e6f6465"
            + "a4676f2d65";
    private static final String TCP_PING = "0082a44e6f6465a4676f2d68a55365714e6fcd03ea";
    private static final String UDP_ENCRYPTED_PING = "01af5461fbce0b122b5b52a043bf1cf5ac3e6918ea9672712922c1d71caf1dd1"
            + "acbabbb3589eba37b62bc12d0f6ec8bd9b37850c9677a451f7db8227b869722cf719ddea58b0c486ccd7e0ae155edde564632b2"
            + "2e49de2383721f4367303";
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODw==";
    private static final String OTHER_KEY = "EBESExQVFhcYGRobHB0eHw==";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Result(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new GossipCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static Result runWithStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.US_ASCII)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void decodesAUdpPacketGivenWithHex() throws Exception {
        Result r = run("decode", "--hex", UDP_PING);

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode m = r.json().get("message");
        assertThat(m.get("name").asText()).isEqualTo("ping");
        assertThat(m.get("body").get("SeqNo").asInt()).isEqualTo(2);
        assertThat(m.get("body").get("SourceAddr").get("ip").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void readsHexFromStdinIgnoringWhitespace() throws Exception {
        String spaced = UDP_CRC_DEAD.replaceAll("(.{8})", "$1 \n");

        Result r = runWithStdin(spaced, "decode");

        assertThat(r.exit()).isZero();
        JsonNode m = r.json().get("message");
        assertThat(m.get("name").asText()).isEqualTo("hasCrc");
        assertThat(m.get("inner").get("body").get("Node").asText()).isEqualTo("go-e");
    }

    @Test
    void decodesATcpStream() throws Exception {
        Result r = run("decode", "--tcp", "--hex", TCP_PING);

        assertThat(r.exit()).isZero();
        assertThat(r.json().get("name").asText()).isEqualTo("ping");
        assertThat(r.json().get("body").get("SeqNo").asInt()).isEqualTo(1002);
    }

    @Test
    void decryptsWithAKeyringWhereThePrimaryIsNotTheRightKey() throws Exception {
        Result r = run("decode", "--key", OTHER_KEY, "--key", KEY, "--hex", UDP_ENCRYPTED_PING);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("encrypted").get("nonce").asText()).isEqualTo("af5461fbce0b122b5b52a043");
        assertThat(r.json().get("message").get("body").get("Node").asText()).isEqualTo("go-g");
    }

    @Test
    void badHexIsExit2WithOneLine() {
        Result r = run("decode", "--hex", "00zz");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: input: not hex: character 'z' at position 2" + System.lineSeparator());
    }

    @Test
    void badCrcNamesTheLayerAndOffset() {
        String corrupted = UDP_CRC_DEAD.substring(0, UDP_CRC_DEAD.length() - 2) + "66";

        Result r = run("decode", "--hex", corrupted);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("error: layer udp>hasCrc at byte offset 1: CRC mismatch");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void wrongKeyNamesTheEncryptLayer() {
        Result r = run("decode", "--key", OTHER_KEY, "--hex", UDP_ENCRYPTED_PING);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("error: layer udp>encrypt at byte offset 13: no installed key could decrypt");
    }

    @Test
    void truncatedMsgpackNamesTheMessageLayer() {
        Result r = run("decode", "--hex", UDP_PING.substring(0, 30));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: layer udp>ping at byte offset ");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void invalidKeyIsExit2() {
        Result r = run("decode", "--key", "AAEC", "--hex", UDP_PING);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --key: key size must be 16, 24 or 32 bytes");
    }
}
