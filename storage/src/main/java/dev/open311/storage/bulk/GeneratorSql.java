package dev.open311.storage.bulk;

import static dev.open311.storage.bulk.GeneratorTables.CENTRES;

import dev.open311.storage.dao.JurisdictionNum;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.jdbi.v3.core.statement.Update;

/**
 * The generator's statement: draws {@code :n} requests and inserts them with their notes. Each
 * weighted choice is {@code slots[1 + floor(random() * size)]}; points are a normal spread
 * around a neighbourhood centre (Box-Muller), clamped to the city's box; a request is closed when
 * an exponential duration with the service's expected days as mean has passed by now, so older
 * requests are mostly closed. About 3% are duplicates of an earlier request of the same batch.
 */
final class GeneratorSql {

  static final String INSERT =
      """
      with draw as (
        -- The sequence looked up once (an InitPlan), not for every row (CopyBatch.KEYS).
        select nextval((select pg_get_serial_sequence('service_request', 'id')::regclass)) as id,
               1 + (:serviceSlots::int[])[1 + floor(random() * %1$d)::int] as s,
               1 + (:centreSlots::int[])[1 + floor(random() * %1$d)::int] as c,
               (:daySlots::int[])[1 + floor(random() * %1$d)::int] as day_back,
               (:hourSlots::int[])[1 + floor(random() * %1$d)::int] as hour,
               1 + (:channelSlots::int[])[1 + floor(random() * %1$d)::int] as channel,
               random() as u_minute, random() as u1, random() as u2, random() as u_close,
               random() as u_backlog, random() as u_dup, random() as u_dup_back,
               random() as u_text, random() as u_address, random() as u_update
          from generate_series(1, :n)
      ), placed as (
        select d.*,
               -- An earlier request of this same statement, so the parent exists once it commits.
               case when u_dup < 0.03 then
                 lag(id, 1 + floor(u_dup_back * 500)::int) over (order by id) end as parent_id,
               least(((:today::date - day_back) + make_interval(hours => hour)
                       + u_minute * interval '1 hour') at time zone :tz,
                     :now::timestamptz - interval '1 minute') as requested_at,
               sqrt(-2 * ln(1 - u1)) * cos(2 * pi() * u2) as z1,
               sqrt(-2 * ln(1 - u1)) * sin(2 * pi() * u2) as z2,
               -ln(1 - u_close) * (:meanDays::int[])[s] * interval '1 day' as to_close
          from draw d
      ), made as (
        select p.*,
               greatest(41.64, least(42.02, (:centreLat::float8[])[c]
                 + z1 * (:centreSigma::float8[])[c])) as lat,
               greatest(-87.94, least(-87.52, (:centreLong::float8[])[c]
                 + z2 * (:centreSigma::float8[])[c] * 1.34)) as long,
               case when u_backlog >= 0.02 and requested_at + to_close < :now::timestamptz
                    then requested_at + to_close end as closed_at
          from placed p
      ), ins as (
        insert into service_request
               (id, service_request_id, jurisdiction_id, jurisdiction_num, service_id,
                service_code, status, status_notes, description, agency_responsible,
                requested_at, updated_at, expected_at, address, zipcode, lat, long, location,
                channel, duplicate, parent_service_request_id, closed_at)
        select id, id::text, :jurisdictionId, %5$s, (:serviceIds::bigint[])[s],
               (:serviceCodes::text[])[s],
               case when closed_at is null then 'open' else 'closed' end,
               case when closed_at is not null then 'Completed' end,
               case when u_text < 0.6 then (:phrases::text[])[1 + floor(u_text / 0.6 * %2$d)::int] end,
               (:agencies::text[])[s], requested_at,
               coalesce(closed_at,
                        requested_at + u_update * (:now::timestamptz - requested_at) * 0.5),
               requested_at + (:meanDays::int[])[s] * interval '1 day',
               case when u_address < 0.75 then
                 (100 + floor(u_address * 160) * 100)::int || ' '
                 || (array['N','S','E','W'])[1 + floor(u_address * 1000)::int %% 4] || ' '
                 || (:streets::text[])[1 + floor(u_address * 7919)::int %% %3$d] || ', CHICAGO, IL'
               end,
               case when u_address < 0.75 then (:zips::text[])[1 + floor(u_address * 104729)::int %% %4$d] end,
               lat, long, point(long, lat), (:channels::text[])[channel],
               parent_id is not null, parent_id::text,
               closed_at
          from made
        returning id, requested_at, closed_at)
      insert into service_request_note (request_id, type, status, datetime, summary)
      select id, 'opened', 'open', requested_at, 'Request opened' from ins
      union all
      select id, 'closed', 'closed', closed_at, 'Request closed' from ins where closed_at is not null
      """
          .formatted(
              RequestGenerator.SLOTS,
              GeneratorText.PHRASES.size(),
              GeneratorText.STREETS.size(),
              GeneratorText.ZIPS.size(),
              JurisdictionNum.OF);

  private GeneratorSql() {}

  static Update bind(Update update, List<GeneratorServices.Entry> services, LocalDate today) {
    int slots = RequestGenerator.SLOTS;
    return update
        .bindArray("serviceSlots", Integer.class, boxed(GeneratorTables.slots(
            services.size(), i -> services.get(i).weight(), slots)))
        .bindArray("serviceIds", Long.class, services.stream().map(s -> s.id()).toList())
        .bindArray("serviceCodes", String.class, services.stream().map(s -> s.code()).toList())
        .bindArray("agencies", String.class, services.stream().map(s -> s.agency()).toList())
        .bindArray("meanDays", Integer.class, services.stream().map(s -> s.expectedDays()).toList())
        .bindArray("centreSlots", Integer.class, boxed(RequestGenerator.centreSlots()))
        .bindArray("centreLat", Double.class, CENTRES.stream().map(c -> c.lat()).toList())
        .bindArray("centreLong", Double.class, CENTRES.stream().map(c -> c.lon()).toList())
        .bindArray("centreSigma", Double.class, CENTRES.stream().map(c -> c.sigma()).toList())
        .bindArray("daySlots", Integer.class, boxed(GeneratorTables.daySlots(today, slots)))
        .bindArray("hourSlots", Integer.class, boxed(GeneratorTables.slots(
            24, i -> GeneratorTables.HOURS[i], slots)))
        .bindArray("channelSlots", Integer.class, boxed(GeneratorTables.slots(
            GeneratorTables.CHANNELS.length, i -> GeneratorTables.CHANNEL_WEIGHTS[i], slots)))
        .bindArray("channels", String.class, Arrays.asList(GeneratorTables.CHANNELS))
        .bindArray("phrases", String.class, GeneratorText.PHRASES)
        .bindArray("streets", String.class, GeneratorText.STREETS)
        .bindArray("zips", String.class, GeneratorText.ZIPS);
  }

  private static List<Integer> boxed(int[] values) {
    return IntStream.of(values).boxed().toList();
  }
}
