package dev.open311.storage.bulk;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * What makes generated requests look like Chicago's: neighbourhood centres, the service mix, the
 * hours, weekdays and seasons. Each weighted choice is handed to SQL as a slot array (an inverse
 * distribution: index {@code i} of the array holds the choice for quantile {@code i/size}), so a
 * row picks with one uniform random number and one O(1) subscript.
 */
final class GeneratorTables {

  /** A neighbourhood centre: where requests cluster, how spread (degrees) and how many. */
  record Centre(String name, double lat, double lon, double sigma, double weight) {}

  static final double MIN_LAT = 41.64, MAX_LAT = 42.02, MIN_LONG = -87.94, MAX_LONG = -87.52;

  static final List<Centre> CENTRES =
      List.of(
          new Centre("Loop", 41.8837, -87.6278, 0.007, 7),
          new Centre("Near North", 41.9000, -87.6340, 0.009, 5),
          new Centre("West Loop", 41.8820, -87.6500, 0.009, 4),
          new Centre("Lincoln Park", 41.9214, -87.6513, 0.011, 4),
          new Centre("Lake View", 41.9434, -87.6553, 0.011, 4),
          new Centre("Uptown", 41.9665, -87.6533, 0.009, 3),
          new Centre("Edgewater", 41.9870, -87.6610, 0.008, 2),
          new Centre("Rogers Park", 42.0087, -87.6680, 0.008, 3),
          new Centre("Logan Square", 41.9230, -87.7090, 0.013, 4),
          new Centre("Humboldt Park", 41.9020, -87.7210, 0.011, 3),
          new Centre("Austin", 41.8940, -87.7650, 0.014, 4),
          new Centre("East Garfield Park", 41.8810, -87.7020, 0.009, 2),
          new Centre("Lower West Side", 41.8560, -87.6600, 0.010, 3),
          new Centre("South Lawndale", 41.8450, -87.7130, 0.011, 3),
          new Centre("Bridgeport", 41.8370, -87.6510, 0.009, 2),
          new Centre("Bronzeville", 41.8230, -87.6170, 0.009, 2),
          new Centre("Hyde Park", 41.7943, -87.5907, 0.008, 2),
          new Centre("Woodlawn", 41.7800, -87.5960, 0.008, 2),
          new Centre("South Shore", 41.7610, -87.5760, 0.010, 3),
          new Centre("Chatham", 41.7400, -87.6120, 0.011, 3),
          new Centre("Englewood", 41.7800, -87.6450, 0.011, 3),
          new Centre("Chicago Lawn", 41.7750, -87.6960, 0.011, 3),
          new Centre("Gage Park", 41.7950, -87.6960, 0.009, 2),
          new Centre("Brighton Park", 41.8190, -87.6990, 0.009, 2),
          new Centre("Clearing", 41.7810, -87.7710, 0.010, 1),
          new Centre("Beverly", 41.7140, -87.6790, 0.012, 2),
          new Centre("Roseland", 41.6940, -87.6210, 0.011, 2),
          new Centre("Hegewisch", 41.6600, -87.5550, 0.009, 1),
          new Centre("Portage Park", 41.9580, -87.7650, 0.012, 3),
          new Centre("Jefferson Park", 41.9710, -87.7610, 0.010, 2),
          new Centre("Norwood Park", 41.9850, -87.8010, 0.012, 1),
          new Centre("O'Hare", 41.9790, -87.8650, 0.012, 0.5),
          new Centre("Irving Park", 41.9530, -87.7360, 0.010, 3),
          new Centre("Albany Park", 41.9680, -87.7230, 0.009, 2),
          new Centre("Belmont Cragin", 41.9310, -87.7680, 0.011, 3));

  /** Yearly volumes relative to each other, after Chicago's data portal; others weigh 0.5. */
  static final Map<String, Double> SERVICE_WEIGHTS =
      Map.ofEntries(
          Map.entry("SFD", 12.0), Map.entry("PHF", 10.0), Map.entry("SGA", 9.0),
          Map.entry("GRAF", 8.0), Map.entry("SIE", 7.0), Map.entry("SCB", 6.0),
          Map.entry("SKA", 5.0), Map.entry("SCC", 4.0), Map.entry("SEL", 4.0),
          Map.entry("SEF", 3.0), Map.entry("SDR", 3.0), Map.entry("SFA", 3.0),
          Map.entry("SDW", 2.0), Map.entry("AAE", 2.0), Map.entry("BBA", 2.0),
          Map.entry("SGQ", 2.0), Map.entry("PHB", 2.0), Map.entry("SFN", 1.5),
          Map.entry("AAF", 1.5), Map.entry("SDP", 1.5), Map.entry("PBS", 1.5),
          Map.entry("SFK", 1.0), Map.entry("SFB", 1.0), Map.entry("WBJ", 1.0),
          Map.entry("WBT", 1.0), Map.entry("BBK", 1.0), Map.entry("HFB", 1.0),
          Map.entry("EAE", 1.0), Map.entry("SEE", 1.0), Map.entry("SDO", 1.0));

  /** Calls by hour of day, midnight first: quiet nights, a working-day plateau. */
  static final double[] HOURS = {
    0.4, 0.25, 0.2, 0.2, 0.25, 0.5, 1.2, 2.5, 4.0, 4.8, 5.0, 4.8,
    4.5, 4.6, 4.4, 4.0, 3.4, 2.8, 2.2, 1.8, 1.5, 1.2, 0.9, 0.6
  };

  /** January first: rats, potholes and weeds make summer the busy season. */
  private static final double[] MONTHS = {
    0.8, 0.85, 1.0, 1.05, 1.15, 1.2, 1.2, 1.15, 1.05, 1.0, 0.9, 0.8
  };

  static final String[] CHANNELS = {
    "Phone Call", "Internet", "Mobile Device", "Mass Entry", "Alderman's Office", "E-Mail"
  };
  static final double[] CHANNEL_WEIGHTS = {45, 20, 25, 6, 3, 1};

  static final int DAYS = 5 * 365 + 1;

  private GeneratorTables() {}

  /** Days before today, weighted by weekday, season and a gentle growth over the years. */
  static int[] daySlots(LocalDate today, int size) {
    return slots(
        DAYS,
        back -> {
          LocalDate day = today.minusDays(back);
          double weekday =
              day.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.6
                  : day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.5 : 1.0;
          double growth = 1.0 - 0.15 * back / DAYS;
          return weekday * MONTHS[day.getMonthValue() - 1] * growth;
        },
        size);
  }

  /** A slot array of {@code size} entries over choices {@code 0..choices-1} (1-based in SQL). */
  static int[] slots(int choices, IntToDoubleFunction weight, int size) {
    double total = 0;
    for (int i = 0; i < choices; i++) {
      total += weight.applyAsDouble(i);
    }
    int[] slots = new int[size];
    int choice = 0;
    double cumulative = weight.applyAsDouble(0) / total;
    for (int i = 0; i < size; i++) {
      double quantile = (i + 0.5) / size;
      while (quantile > cumulative && choice < choices - 1) {
        choice++;
        cumulative += weight.applyAsDouble(choice) / total;
      }
      slots[i] = choice;
    }
    return slots;
  }
}
