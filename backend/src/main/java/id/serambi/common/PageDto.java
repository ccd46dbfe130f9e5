package id.serambi.common;

/**
 * Paging shared by every list endpoint: pages count from 0 and the size is clamped to 1..100. A page so deep that
 * it would skip more than {@link #MAX_OFFSET} rows is a 400 naming {@code page} (before, page × size overflowed an
 * int and the database refused a negative offset with a 500). A page or size that is not a number is a 400 too
 * (ProblemMappers).
 */
public final class PageDto {

    public static final int MAX_SIZE = 100;

    /** The most rows a page may skip: 10,000 pages of 100. */
    public static final long MAX_OFFSET = 1_000_000;

    private PageDto() {
    }

    public record Request(int page, int size) {
        public static Request of(int page, int size) {
            Request request = new Request(Math.max(0, page), Math.min(MAX_SIZE, Math.max(1, size)));
            if ((long) request.page() * request.size() > MAX_OFFSET) {
                throw ProblemException.invalidField("page", "must be at most " + MAX_OFFSET / request.size()
                        + " with size " + request.size() + " (at most " + MAX_OFFSET + " rows can be skipped)");
            }
            return request;
        }

        /** The number of rows before this page. */
        public int offset() {
            return page * size;
        }
    }
}
