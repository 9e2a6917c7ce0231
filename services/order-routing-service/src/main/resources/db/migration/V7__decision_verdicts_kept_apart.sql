-- The answer to a placement over many lines lists only the chosen ones, with the number of candidates of each
-- verdict; reading them out of the compressed candidates of a thousand lines was a sixth of a placement's CPU. New
-- decisions keep the counts and the chosen candidates beside them; records written before have neither, and are
-- answered from their candidates as before.
alter table routing_decision add column verdict_counts jsonb;
alter table routing_decision add column chosen_candidates jsonb;
alter table routing_decision add constraint routing_decision_verdicts_with_chosen
    check ((verdict_counts is null) = (chosen_candidates is null));
