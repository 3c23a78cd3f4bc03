package dev.open311.storage.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.open311.storage.SharedStorage;
import dev.open311.storage.Storage;
import dev.open311.storage.TestDatabases;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/** What PostgreSQL reads from {@link CopyBinary}: every type it writes, with edge values. */
@ExtendWith(SharedStorage.class)
class CopyBinaryIT {

  private final Jdbi jdbi;

  CopyBinaryIT(Storage storage) {
    this.jdbi = TestDatabases.jdbi(storage);
  }

  @Test
  void postgresReadsEachValueAsWritten() {
    List<String> rows =
        jdbi.inTransaction(
            h -> {
              h.execute(
                  """
                  create temp table copied (n bigint, s smallint, t text, d double precision,
                    b boolean, at timestamptz, p point, tags text[]) on commit drop
                  """);
              CopyBinary copy = new CopyBinary();
              copy.row(8)
                  .int8(Long.MIN_VALUE)
                  .int2(Short.MIN_VALUE)
                  .text("tab\t, quote\" backslash\\ newline\n \u00e9\u4e2d\ud83d\ude00")
                  .float8(-0.1)
                  .bool(true)
                  .timestamptz(OffsetDateTime.parse("1999-12-31T17:59:58.123456-06:00"))
                  .point(-87.6298, 41.8781)
                  .textArray(List.of("ward:4\"2", "zone:{a,b}", "x:NULL", ""));
              copy.row(8)
                  .int8(42)
                  .int2((short) 258)
                  .text("")
                  .float8(null)
                  .bool(false)
                  .timestamptz(OffsetDateTime.parse("2026-03-08T03:00:00.000001-05:00"))
                  .point(null, 41.0)
                  .textArray(List.of());
              copy.row(8).nullValue().int2(Short.MAX_VALUE).text(null).float8(1e300).bool(false).timestamptz(null)
                  .point(0.0, -0.0).textArray(List.of("a"));
              try {
                copy.copy(
                    h.getConnection().unwrap(PGConnection.class).getCopyAPI(),
                    "copy copied from stdin with (format binary)");
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
              return h.createQuery(
                      """
                      select concat_ws(' | ', coalesce(n::text, 'null'), s::text, coalesce(t, 'null'),
                             coalesce(d::text, 'null'), b::text,
                             coalesce(to_char(at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'),
                                      'null'),
                             coalesce(p::text, 'null'), coalesce(tags::text, 'null'))
                        from copied order by n nulls last
                      """)
                  .mapTo(String.class)
                  .list();
            });
    assertEquals(
        List.of(
            "-9223372036854775808 | -32768 | tab\t, quote\" backslash\\ newline\n \u00e9\u4e2d\ud83d\ude00"
                + " | -0.1 | true | 1999-12-31 23:59:58.123456 | (-87.6298,41.8781)"
                + " | {\"ward:4\\\"2\",\"zone:{a,b}\",x:NULL,\"\"}",
            "42 | 258 |  | null | false | 2026-03-08 08:00:00.000001 | null | null",
            "null | 32767 | null | 1e+300 | false | null | (0,-0) | {a}"),
        rows);
  }
}
