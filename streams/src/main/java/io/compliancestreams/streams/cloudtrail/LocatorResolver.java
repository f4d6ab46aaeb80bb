package io.compliancestreams.streams.cloudtrail;

import io.compliancestreams.streams.practices.ResourceLocator;
import java.util.List;
import java.util.Objects;

/** Finds the identifiers one locator yields in an event. */
final class LocatorResolver {

  /** One identifier and what kind of value it is. */
  record Located(String identifier, IdentifierKind kind) {}

  private LocatorResolver() {}

  /** The identifiers this locator yields; empty when the event does not carry them. */
  static List<Located> resolve(ResourceLocator locator, String resourceType, TrailEvent event) {
    String path = locator.path();
    return switch (locator.from()) {
      case REQUEST_PARAMETERS -> located(JsonPaths.values(event.requestParameters(), path), path);
      case RESPONSE_ELEMENTS -> located(JsonPaths.values(event.responseElements(), path), path);
      case RESOURCES ->
          event.resources().stream()
              .filter(r -> path.equals(r.type()) && r.arn() != null && !r.arn().isBlank())
              .map(r -> new Located(r.arn(), IdentifierKind.ARN))
              .distinct()
              .toList();
      case USER_IDENTITY -> located(identityValue(event, path), path);
      // Only an account-keyed snapshot is named by the account; for other types the scope-level
      // fallback (every resource of the type in the account and region) applies.
      case ACCOUNT, ACCOUNT_REGION ->
          event.recipientAccountId() == null || !AccountKeyedTypes.contains(resourceType)
              ? List.of()
              : List.of(new Located(event.recipientAccountId(), IdentifierKind.ID));
    };
  }

  private static List<String> identityValue(TrailEvent event, String path) {
    TrailEvent.UserIdentity who = event.userIdentity();
    String value =
        switch (path) {
          case "userName" -> who.userName();
          case "arn" -> who.arn();
          case "accountId" -> who.accountId();
          case "principalId" -> who.principalId();
          case "type" -> who.type();
          default -> null;
        };
    return value == null || value.isBlank() ? List.of() : List.of(value);
  }

  private static List<Located> located(List<String> values, String path) {
    IdentifierKind suggested = suggestedKind(path);
    return values.stream()
        .filter(Objects::nonNull)
        .map(v -> new Located(v, IdentifierKind.of(v, suggested)))
        .toList();
  }

  /**
   * What a request or response field holds, by its name: {@code ...Arn}/{@code ...ARN} an ARN,
   * {@code ...Name}/{@code name} a name, anything else an id. Values starting with {@code arn:} are
   * ARNs whatever the field is called (a trail {@code name} may be its ARN).
   */
  static IdentifierKind suggestedKind(String path) {
    String last = path.substring(path.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    if (last.endsWith("arn")) {
      return IdentifierKind.ARN;
    }
    if (last.endsWith("name")) {
      return IdentifierKind.NAME;
    }
    return IdentifierKind.ID;
  }
}
