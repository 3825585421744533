package io.ipkeeper.gossip.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.gossip.internal.wire.json.WireDecoder;
import java.io.File;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every captured Go/Serf frame decodes to the expected structure and re-encodes to the same bytes. */
class VectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> names() {
        return Vectors.NAMES.stream();
    }

    @Test
    void everyVectorFileIsListed() throws URISyntaxException {
        File dir = new File(VectorTest.class.getResource("/vectors").toURI());
        String[] hexFiles = dir.list((d, n) -> n.endsWith(".hex"));
        assertThat(hexFiles).isNotNull();
        assertThat(Arrays.stream(hexFiles).map(n -> n.substring(0, n.length() - 4)))
                .containsExactlyInAnyOrderElementsOf(Vectors.NAMES);
    }

    @ParameterizedTest
    @MethodSource("names")
    void decodesToTheCapturedStructure(String name) throws Exception {
        JsonNode expected = JSON.readTree(Vectors.json(name)).get("decoded");
        byte[] bytes = Vectors.bytes(name);
        assertThat(bytes).hasSize(JSON.readTree(Vectors.json(name)).get("len").asInt());

        String ours = WireDecoder.decodeToJson(bytes, Vectors.isTcp(name), Vectors.options(name));

        assertThat(JSON.readTree(ours)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("names")
    void reencodesToTheCapturedBytes(String name) {
        byte[] bytes = Vectors.bytes(name);
        WireOptions options = Vectors.options(name);
        byte[] ours;
        if (Vectors.isTcp(name)) {
            DecodedStream s = StreamCodec.decodeStream(bytes, options);
            WireOptions sendOptions = options.withCompression(s.compressedLength() >= 0);
            byte[] nonce = s.encryption() == null ? null : s.encryption().nonce();
            ours = StreamCodec.encodeStream(s.message(), sendOptions, nonce);
        } else {
            DecodedPacket p = PacketCodec.decodePacket(bytes, options);
            ours = PacketCodec.encodeFrame(p.frame());
            if (p.encryption() != null) {
                ours = Encryption.encrypt(p.encryption().version(), Vectors.TEST_KEY, p.encryption().nonce(), ours,
                        new byte[0]);
            }
        }
        assertThat(HexFormat.of().formatHex(ours)).isEqualTo(HexFormat.of().formatHex(bytes));
    }

    @ParameterizedTest
    @MethodSource("names")
    void ourOwnEncryptionAndCompressionRoundTrip(String name) {
        byte[] bytes = Vectors.bytes(name);
        WireOptions in = Vectors.options(name);
        WireOptions out = WireOptions.plain().withCompression(true).withKeyring(Keyring.of(Vectors.TEST_KEY));
        if (Vectors.isTcp(name)) {
            StreamMessage m = StreamCodec.decodeStream(bytes, in).message();
            byte[] again = StreamCodec.encodeStream(m, out);
            assertThat(StreamCodec.decodeStream(again, out).message()).isEqualTo(m);
        } else {
            Frame f = PacketCodec.decodePacket(bytes, in).frame();
            // send order: compress, then CRC outside it, then encrypt
            boolean crc = f instanceof CrcFrame;
            Frame content = f instanceof CrcFrame c ? c.inner() : f;
            Frame wrapped = new CompressedFrame(0, 0, content);
            byte[] again = Encryption.encrypt(Encryption.VERSION_PLAIN, Vectors.TEST_KEY, Encryption.randomNonce(),
                    PacketCodec.encodeFrame(crc ? new CrcFrame(0, wrapped) : wrapped), new byte[0]);
            Frame back = PacketCodec.decodePacket(again, out).frame();
            if (crc) {
                assertThat(back).isInstanceOf(CrcFrame.class);
                back = ((CrcFrame) back).inner();
            }
            assertThat(back).isInstanceOf(CompressedFrame.class);
            assertThat(PacketCodec.encodeFrame(((CompressedFrame) back).inner()))
                    .isEqualTo(PacketCodec.encodeFrame(content));
        }
    }
}
