package dev.open311.spec.rule;

import dev.open311.spec.error.InvalidRequestException;
import dev.open311.spec.format.XmlText;
import dev.open311.spec.model.AttributeAnswer;
import dev.open311.spec.model.Jurisdiction;
import dev.open311.spec.model.Location;
import dev.open311.spec.model.NewServiceRequest;
import dev.open311.spec.model.Requester;
import dev.open311.spec.model.ServiceAttribute;
import dev.open311.spec.model.ServiceDefinition;
import dev.open311.spec.model.ServiceRequestForm;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a raw {@code POST requests} form into a {@link NewServiceRequest}, or reports every
 * problem at once as a 400.
 */
public final class ServiceRequestRules {

  /** The standard's limit on {@code description}. */
  public static final int MAX_DESCRIPTION = 4000;

  static final int MAX_SHORT_FIELD = 255;
  static final int MAX_ADDRESS = 1000;
  static final int MAX_URL = 2048;

  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

  private ServiceRequestRules() {}

  /**
   * Validates a form against the service's definition.
   *
   * @param jurisdiction the jurisdiction filed in; its zone reads date-only datetime answers
   */
  public static NewServiceRequest validate(
      ServiceRequestForm form, ServiceDefinition definition, Jurisdiction jurisdiction) {
    ZoneId zone = jurisdiction.timeZone();
    List<String> problems = new ArrayList<>();
    Location location = location(form, problems);
    checkText(problems, "description", form.description(), MAX_DESCRIPTION);
    checkText(problems, "address_string", form.addressString(), MAX_ADDRESS);
    checkText(problems, "address_id", form.addressId(), MAX_SHORT_FIELD);
    checkMediaUrl(form.mediaUrl(), problems);
    checkRequester(form.requester(), problems);
    List<AttributeAnswer> answers =
        AttributeRules.answers(definition, form.attributes(), zone, problems);
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new NewServiceRequest(
        jurisdiction.jurisdictionId(),
        definition.serviceCode(),
        location,
        form.description(),
        form.mediaUrl(),
        form.requester() == null ? Requester.ANONYMOUS : form.requester(),
        answers);
  }

  private static Location location(ServiceRequestForm form, List<String> problems) {
    Double latitude = coordinate("lat", form.latitude(), 90, problems);
    Double longitude = coordinate("long", form.longitude(), 180, problems);
    if ((form.latitude() == null) != (form.longitude() == null)) {
      problems.add("lat and long must be given together");
    }
    boolean hasCoordinates = form.latitude() != null && form.longitude() != null;
    if (!hasCoordinates && form.addressString() == null && form.addressId() == null) {
      problems.add("a location is required: lat and long, address_string or address_id");
    }
    return new Location(latitude, longitude, form.addressString(), form.addressId());
  }

  private static Double coordinate(String name, String text, double limit, List<String> problems) {
    if (text == null) {
      return null;
    }
    if (!DECIMAL.matcher(text.trim()).matches()) {
      problems.add(name + " must be a decimal number of WGS84 degrees");
      return null;
    }
    try {
      double value = Double.parseDouble(text.trim());
      if (Double.isNaN(value) || value < -limit || value > limit) {
        problems.add(name + " must be between -" + (int) limit + " and " + (int) limit);
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a decimal number of WGS84 degrees");
      return null;
    }
  }

  private static void checkMediaUrl(String mediaUrl, List<String> problems) {
    if (mediaUrl == null) {
      return;
    }
    checkText(problems, "media_url", mediaUrl, MAX_URL);
    try {
      URI uri = new URI(mediaUrl.trim());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        problems.add("media_url must be an absolute http or https URL");
      }
    } catch (URISyntaxException e) {
      problems.add("media_url must be an absolute http or https URL");
    }
  }

  private static void checkRequester(Requester requester, List<String> problems) {
    if (requester == null) {
      return;
    }
    checkText(problems, "email", requester.email(), MAX_SHORT_FIELD);
    checkText(problems, "phone", requester.phone(), MAX_SHORT_FIELD);
    checkText(problems, "first_name", requester.firstName(), MAX_SHORT_FIELD);
    checkText(problems, "last_name", requester.lastName(), MAX_SHORT_FIELD);
    checkText(problems, "device_id", requester.deviceId(), MAX_SHORT_FIELD);
    checkText(problems, "account_id", requester.accountId(), MAX_SHORT_FIELD);
  }

  /**
   * A text field: at most {@code max} characters, none of them one that XML 1.0 cannot carry
   * ({@link XmlText}): PostgreSQL refuses U+0000 in text, and the XML answers could not show the
   * others.
   */
  static void checkText(List<String> problems, String name, String value, int max) {
    if (value == null) {
      return;
    }
    if (value.codePointCount(0, value.length()) > max) {
      problems.add(name + " must be at most " + max + " characters");
    }
    int unwritable = XmlText.firstUnwritable(value);
    if (unwritable >= 0) {
      int character = value.charAt(unwritable);
      problems.add("%s must not contain the character U+%04X".formatted(name, character));
    }
  }

  /** Attribute code of a definition, described for an error message. */
  static String label(ServiceAttribute attribute) {
    return "attribute[" + attribute.code() + "]";
  }
}
