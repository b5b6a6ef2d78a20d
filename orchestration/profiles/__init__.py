"""Country profiles: the report's tables and figures for each of the 24 geographies, built from the
published release through the report queries (`docs/queries/*.sql`). See docs/profiles.md."""

from orchestration.profiles.build import build_profiles, geography_ids, profiles_dir

__all__ = ["build_profiles", "geography_ids", "profiles_dir"]
