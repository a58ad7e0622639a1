-- Spend caps: an account may cap its rated spend per calendar month (UTC) and be alerted at
-- chosen percentages of the cap. The month's spend is kept up to date by rating.
alter table accounts add column spend_cap_micros bigint check (spend_cap_micros is null or spend_cap_micros >= 0);
alter table accounts add column spend_alert_percents integer[] not null default '{}';
alter table accounts add column spend_month date;
alter table accounts add column spend_month_micros bigint not null default 0;
alter table accounts add column spend_alerted_percent integer not null default 0;
