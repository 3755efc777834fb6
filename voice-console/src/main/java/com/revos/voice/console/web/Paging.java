package com.revos.voice.console.web;

/** Where a page of a long list is: shown as "21–40 of 95" with previous / next links. */
public record Paging(int offset, int limit, long total) {

    static final int PAGE_SIZE = 20;

    static int offset(Integer requested) {
        return requested == null || requested < 0 ? 0 : requested;
    }

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + limit < total;
    }

    public int previous() {
        return Math.max(0, offset - limit);
    }

    public int next() {
        return offset + limit;
    }

    public long first() {
        return total == 0 ? 0 : offset + 1;
    }

    public long last() {
        return Math.min(total, (long) offset + limit);
    }

    public boolean needed() {
        return total > limit || offset > 0;
    }
}
