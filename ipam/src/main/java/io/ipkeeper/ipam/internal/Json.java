package io.ipkeeper.ipam.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.ipkeeper.ipam.net.AddressCount;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.Prefix;
import java.time.Instant;

/** The one Jackson mapper of the module: addresses, prefixes and instants as their text forms. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .registerModule(new SimpleModule("ipkeeper-ipam")
                    .addSerializer(IpAddress.class, ToStringSerializer.instance)
                    .addSerializer(Prefix.class, ToStringSerializer.instance)
                    .addSerializer(AddressRange.class, ToStringSerializer.instance)
                    .addSerializer(AddressCount.class, ToStringSerializer.instance)
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(IpAddress.class, new FromString<>(IpAddress.class, IpAddress::parse))
                    .addDeserializer(Instant.class, new FromString<>(Instant.class, Instant::parse)));

    /** Reads a value back from the text form its serializer wrote. */
    private static final class FromString<T> extends FromStringDeserializer<T> {
        private final java.util.function.Function<String, T> parse;

        FromString(Class<T> type, java.util.function.Function<String, T> parse) {
            super(type);
            this.parse = parse;
        }

        @Override
        protected T _deserialize(String value, DeserializationContext ctxt) {
            return parse.apply(value);
        }
    }

    public static <T> T read(String json, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored JSON", e);
        }
    }

    private Json() {}

    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
