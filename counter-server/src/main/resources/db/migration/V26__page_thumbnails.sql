-- Issue 32: a received page's thumbnail (a data URL, a few kB) is made once, when the page arrives, and kept beside it.
-- The capture screen showed every page's thumbnail by decoding and scaling the full 300 dpi picture at each render.
-- Pages stored before have none; the screen makes theirs from the picture, as before.
ALTER TABLE scanned_page ADD COLUMN thumbnail CLOB;
