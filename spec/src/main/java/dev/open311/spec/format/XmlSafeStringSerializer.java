package dev.open311.spec.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;

/**
 * Writes every text value of an XML answer through {@link XmlText#safe}: one stored character
 * XML cannot carry would otherwise fail the whole document (Woodstox refuses controls, and writes
 * U+FFFE and U+FFFF as {@code &#xffff;}, a reference no XML parser accepts), and with it every
 * list that holds the request.
 */
final class XmlSafeStringSerializer extends StdScalarSerializer<String> {

  private static final long serialVersionUID = 1L;

  XmlSafeStringSerializer() {
    super(String.class);
  }

  @Override
  public void serialize(String value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeString(XmlText.safe(value));
  }
}
