ALTER TABLE `pupil_events` ADD `previous_status` text;--> statement-breakpoint
ALTER TABLE `pupil_events` ADD `previous_status_date` text;--> statement-breakpoint
ALTER TABLE `pupil_events` ADD `undoes_event_id` integer;