package id.serambi.common;

/** Paging shared by every list endpoint: pages count from 0 and the size is clamped to 1..100. */
public final class PageDto {

    public static final int MAX_SIZE = 100;

    private PageDto() {
    }

    public record Request(int page, int size) {
        public static Request of(int page, int size) {
            return new Request(Math.max(0, page), Math.min(MAX_SIZE, Math.max(1, size)));
        }
    }
}
