-- Every stage of an episode rewrites its row: the stage's pipeline_state entry, often the status.
-- With full pages, each new row version lands on another page, and an update that lands elsewhere
-- adds an entry to every index of the table (episodes has ten). Room left on each page lets
-- PostgreSQL keep the new version on the same page and, when no indexed column changed (a b-roll
-- clip, the avatar, a running mark), skip the indexes altogether (a HOT update). (jobs has room
-- since V5.) Applies to pages written from now on.
ALTER TABLE episodes SET (fillfactor = 60);
