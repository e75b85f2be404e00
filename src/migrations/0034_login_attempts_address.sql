-- Sign-in throttling per account *and address* (issue 18): five wrong passwords for one login from
-- one address block that pair for 15 minutes; many failures from one address block the address.
-- A login is never locked as such, so nobody can lock a clerk out by knowing the login.
alter table login_attempts add column address text not null default 'unknown';
drop index login_attempts_login_at;
create index login_attempts_login_address_at on login_attempts (login, address, at) where not succeeded;
create index login_attempts_address_at on login_attempts (address, at) where not succeeded;
