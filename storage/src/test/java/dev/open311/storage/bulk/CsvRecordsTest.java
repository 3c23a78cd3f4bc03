package dev.open311.storage.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

  private static CsvRecords reader(String text) {
    return new CsvRecords(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 0, 1);
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

  private static final String TRICKY =
      "\uFEFFSR_NUMBER,B\r\n"
          + "\"a,b\",\"say \"\"hi\"\"\"\n"
          + "\"multi\nline\r\n\",x\n"
          + "\"ends in cr\r\"\n"
          + "lone\rcr,y\r\n"
          + "\"lenient\"tail,\"a\"b\"c\"\n"
          + "mid\"quote,,\n"
          + "\n"
          + "é,€,\"\",\r\n"
          + "\r\n"
          + "last,\"open quote\nnever closed";

  /** Each record as its fields, the line it starts on, the next line and the offset after it. */
  private static List<String> records(InputStream in) throws IOException {
    CsvRecords csv = new CsvRecords(in, 0, 1);
    List<String> all = new ArrayList<>();
    List<String> fields;
    while ((fields = csv.next()) != null) {
      all.add(fields + " " + csv.recordLine() + " " + csv.line() + " " + csv.offset());
    }
    return all;
  }

  @Test
  void lenientQuotesLineBreaksAndCarriageReturnsReadAsBefore() throws IOException {
    List<String> expected =
        List.of(
            "[\uFEFFSR_NUMBER, B] 1 2 16",
            "[a,b, say \"hi\"] 2 3 35",
            "[multi\nline\r\n, x] 3 6 52",
            "[ends in cr] 6 7 66",
            "[lone\rcr, y] 7 8 77",
            "[lenienttail, ab\"c\"] 8 9 99",
            "[mid\"quote, , ] 9 10 111",
            "[] 10 11 112",
            "[é, €, , ] 11 12 124",
            "[] 12 13 126",
            "[last, open quote\nnever closed] 13 14 155");
    byte[] bytes = TRICKY.getBytes(StandardCharsets.UTF_8);
    assertEquals(expected, records(new ByteArrayInputStream(bytes)));
    assertEquals(expected, records(new Trickle(bytes)), "whatever the reads return");
  }

  @Test
  void aCommaAtTheEndOfTheInputEndsAnEmptyField() throws IOException {
    CsvRecords csv = reader("a,");
    assertEquals(List.of("a", ""), List.copyOf(csv.next()));
    assertEquals(2, csv.offset());
    assertNull(csv.next());
  }

  @Test
  void fieldsLongerThanTheReadBufferAreKeptWhole() throws IOException {
    String big = "x".repeat(200_000);
    String text = big + ",\"" + big + "\n\"\"\"\n" + big + "é\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<String> expected =
        List.of(
            "[" + big + ", " + big + "\n\"] 1 3 " + (bytes.length - 200_003),
            "[" + big + "é] 3 4 " + bytes.length);
    assertEquals(expected, records(new ByteArrayInputStream(bytes)));
    assertEquals(expected, records(new Trickle(bytes)));
  }

  /** Hands out one to three bytes per read, as a slow stream may. */
  private static final class Trickle extends InputStream {
    private final byte[] bytes;
    private int position;

    Trickle(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position == bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, 1 + position % 3), bytes.length - position);
      System.arraycopy(bytes, position, b, off, n);
      position += n;
      return n;
    }
  }
}
