-- Prices: what a seat of each category costs at an event, in hundredths of the event's
-- currency (`events.currency`, taken from `sales.currency` when its first price is set). The
-- category '' is the event's default: the price of every seat whose category has none of its
-- own (or that has no category). A reserved seat keeps the price it was sold at
-- (`seats.sold_price_minor`, NULL: sold without a price), so revenue is what was charged, not
-- today's price list.

CREATE TABLE category_prices (
    event_id    BLOB NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    category    TEXT NOT NULL,
    price_minor INTEGER NOT NULL CHECK (price_minor >= 0 AND price_minor <= 100000000000),
    PRIMARY KEY (event_id, category)
);

ALTER TABLE events ADD COLUMN currency TEXT CHECK (length(currency) = 3);

ALTER TABLE seats ADD COLUMN sold_price_minor INTEGER;
