CREATE TABLE `incoming_documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`number` integer NOT NULL,
	`received_on` text NOT NULL,
	`sender` text NOT NULL,
	`reference` text DEFAULT '' NOT NULL,
	`document_date` text,
	`kind` text NOT NULL,
	`summary` text NOT NULL,
	`recipient` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`file_id` integer,
	`signature_verdict` text,
	`signature_valid` integer,
	`created_by` integer NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `incoming_documents_number_idx` ON `incoming_documents` (`year`,`number`);--> statement-breakpoint
CREATE INDEX `incoming_documents_received_idx` ON `incoming_documents` (`received_on`);--> statement-breakpoint
ALTER TABLE `documents` ADD `symbol` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `recipients` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `copies` integer;--> statement-breakpoint
ALTER TABLE `documents` ADD `register_note` text DEFAULT '' NOT NULL;