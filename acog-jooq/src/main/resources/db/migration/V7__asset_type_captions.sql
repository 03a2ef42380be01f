-- The assembler writes the episode's captions (SRT, timed from the narration) next to the final
-- video, and the publisher uploads them with it: an asset type of their own, so an episode's
-- captions are found by type like its thumbnail. Adding an enum value takes no table rewrite.
ALTER TYPE asset_type ADD VALUE IF NOT EXISTS 'captions';
