-- Every API request first resolves its bearer token to an actor: the user, their post, today's
-- substitutions (zastępstwa), role grants and the office's unit tree. An app node keeps resolved
-- actors in memory and revalidates one per request with a single indexed lookup of the session
-- and this counter; any change to what an actor is made of bumps it, in the same transaction.
alter table offices add column actor_version bigint not null default 0;

create function bump_actor_version() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    update offices set actor_version = actor_version + 1 where id = old.office_id;
  else
    update offices set actor_version = actor_version + 1 where id = new.office_id;
  end if;
  return null;
end $$;

create trigger users_actor_version after insert or update or delete on users
  for each row execute function bump_actor_version();
create trigger role_grants_actor_version after insert or update or delete on role_grants
  for each row execute function bump_actor_version();
create trigger substitutions_actor_version after insert or update or delete on substitutions
  for each row execute function bump_actor_version();
create trigger units_actor_version after insert or update or delete on units
  for each row execute function bump_actor_version();
create trigger positions_actor_version after insert or update or delete on positions
  for each row execute function bump_actor_version();

-- The office's name is part of the actor too (it heads printed letters and the desk).
create function bump_own_actor_version() returns trigger language plpgsql as $$
begin
  new.actor_version := old.actor_version + 1;
  return new;
end $$;

create trigger offices_actor_version before update of name on offices
  for each row when (old.name is distinct from new.name) execute function bump_own_actor_version();
