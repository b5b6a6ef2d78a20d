-- What the project figures leave out or rest on weakly.
-- What the project figures leave out or rest on weakly: projects outside the window (kept, not
-- counted), projects whose cited articles were all deleted from Factiva later (counted, flagged),
-- and cited accession numbers never delivered (0).
SELECT projects_coded, projects_in_window, projects_out_of_window, projects_sources_all_deleted,
       projects_with_deleted_article, cited_ans_never_delivered, projects_date_estimated
FROM marts.russian_project_data_quality
WHERE geography_id = getvariable('geography_id');
