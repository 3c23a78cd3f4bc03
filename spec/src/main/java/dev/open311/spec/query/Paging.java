package dev.open311.spec.query;

import dev.open311.spec.error.InvalidRequestException;

/**
 * Chicago's {@code page} and {@code page_size}: one-based pages (page 0 is taken as page 1) of
 * 50 requests by default, at most 500.
 */
public record Paging(int page, int pageSize) {

  public static final int DEFAULT_PAGE_SIZE = 50;
  public static final int MAX_PAGE_SIZE = 500;

  public Paging {
    if (page < 1) {
      throw new IllegalArgumentException("page is one-based");
    }
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size out of range");
    }
  }

  /**
   * The paging named by the parameters, either of which may be null.
   *
   * @throws InvalidRequestException for a negative page or a size outside 1 to 500
   */
  public static Paging of(Integer page, Integer pageSize) {
    if (page != null && page < 0) {
      throw new InvalidRequestException("page must be 1 or more (0 is taken as 1), not " + page);
    }
    if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
      throw new InvalidRequestException(
          "page_size must be from 1 to " + MAX_PAGE_SIZE + ", not " + pageSize);
    }
    return new Paging(
        page == null || page == 0 ? 1 : page, pageSize == null ? DEFAULT_PAGE_SIZE : pageSize);
  }

  /** Rows skipped before this page. */
  public long offset() {
    return (long) (page - 1) * pageSize;
  }
}
