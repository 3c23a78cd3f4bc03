package dev.open311.storage.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

  private static CsvRecords reader(String text) {
    return new CsvRecords(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 0, 1);
  }

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
    CsvRecords csv = reader("a,\"b, \"\"c\"\"\nd\",é\r\nx,,\"\"\n");
    assertEquals(List.of("a", "b, \"c\"\nd", "é"), List.copyOf(csv.next()));
    assertEquals(1, csv.recordLine());
    assertEquals(List.of("x", "", ""), List.copyOf(csv.next()));
    assertEquals(3, csv.recordLine(), "the quoted line break counts as a line");
    assertNull(csv.next());
  }

  @Test
  void offsetsPointJustAfterEachRecordInBytes() throws IOException {
    String text = "h1,h2\né,2\nlast,row";
    CsvRecords csv = reader(text);
    csv.next();
    assertEquals(6, csv.offset());
    csv.next();
    assertEquals(11, csv.offset(), "é is two bytes");
    assertEquals(List.of("last", "row"), List.copyOf(csv.next()));
    assertEquals(text.getBytes(StandardCharsets.UTF_8).length, csv.offset());
    assertEquals(3, csv.recordLine(), "a last record without a line end is still read");
  }

  @Test
  void resumesFromAnOffsetWithItsLineNumber() throws IOException {
    byte[] all = "h\n1\n2\n".getBytes(StandardCharsets.UTF_8);
    CsvRecords csv = new CsvRecords(new ByteArrayInputStream(all, 4, 2), 4, 3);
    assertEquals(List.of("2"), List.copyOf(csv.next()));
    assertEquals(3, csv.recordLine());
    assertEquals(6, csv.offset());
  }
}
