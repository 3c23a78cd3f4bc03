package dev.open311.storage.bulk;

import java.util.List;

/** Small banks of words generated requests are written with. */
final class GeneratorText {

  static final List<String> PHRASES =
      List.of(
          "Reported by a neighbour on the way to work.",
          "Has been like this for about a week.",
          "Second time reporting this, please send a crew.",
          "In front of the school entrance.",
          "Near the bus stop on the corner.",
          "Across the street from the park.",
          "Dangerous for cyclists at night.",
          "Behind the building, in the alley.",
          "Getting worse after the last storm.",
          "Several residents on the block have noticed.",
          "Next to the fire hydrant.",
          "By the garage, visible from the alley.",
          "Close to the intersection, cars swerve around it.",
          "Seen this morning around 7am.",
          "Please check, seniors live on this block.",
          "At the corner by the corner store.");

  static final List<String> STREETS =
      List.of(
          "STATE ST", "HALSTED ST", "ASHLAND AVE", "WESTERN AVE", "PULASKI RD", "CICERO AVE",
          "MADISON ST", "CHICAGO AVE", "NORTH AVE", "FULLERTON AVE", "BELMONT AVE",
          "IRVING PARK RD", "LAWRENCE AVE", "DEVON AVE", "ROOSEVELT RD", "CERMAK RD",
          "47TH ST", "63RD ST", "79TH ST", "95TH ST", "KEDZIE AVE", "DAMEN AVE",
          "CLARK ST", "BROADWAY", "MILWAUKEE AVE", "ARCHER AVE", "COTTAGE GROVE AVE",
          "STONY ISLAND AVE", "HARLEM AVE", "NARRAGANSETT AVE");

  static final List<String> ZIPS =
      List.of(
          "60601", "60602", "60605", "60607", "60608", "60609", "60610", "60611", "60612",
          "60613", "60614", "60615", "60616", "60617", "60618", "60619", "60620", "60621",
          "60622", "60623", "60624", "60625", "60626", "60628", "60629", "60630", "60631",
          "60632", "60634", "60636", "60637", "60638", "60639", "60640", "60641", "60642",
          "60643", "60644", "60645", "60646", "60647", "60649", "60651", "60652", "60653",
          "60655", "60656", "60657", "60659", "60660");

  private GeneratorText() {}
}
