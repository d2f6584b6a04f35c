DROP INDEX `pupils_search_idx`;--> statement-breakpoint
DROP INDEX `pupils_given_idx`;--> statement-breakpoint
DROP INDEX `staff_search_idx`;