package io.kasparro.system;

/** The text of {@code --help} and {@code --version}. */
public final class Usage {

  private Usage() {}

  /** The version in the packaged jar's manifest. */
  public static String version() {
    String version = Usage.class.getPackage().getImplementationVersion();
    return "kasparro "
        + (version == null ? "(version unknown: not run from the packaged jar)" : version);
  }

  public static String help() {
    return version()
        + """


        Usage: java -jar kasparro.jar [COMMAND] [--source=NAME] [--PROPERTY=VALUE ...]

        Commands:
          serve              HTTP API and scheduled ingestion of every enabled source (default)
          run-once           run the enabled sources (or --source) once; exit 0 success or
                             partial, 1 a run failed, 2 bad command line or configuration
          replay             rebuild silver from bronze alone (no network)
          replay-failures    transform the records in transform_failures again
          verify-curated --coingecko=FILE --coinpaprika=FILE
                             check the curated identity list against provider listings
                             (/coins/list, /coins JSON, or CSV with an id column); exit 0 all
                             found, 1 an id no longer exists, 2 bad command line
          correct-identity --link=SOURCE:ID --to=SOURCE:ID --by=WHO --reason=TEXT
          correct-identity --split=SOURCE:ID --by=WHO --reason=TEXT
                             link an id to another source's asset, or give it an asset of its
                             own; its quotes move with it and the correction is recorded
          help, --help, -h   print this and exit
          --version          print the version and exit

        Options:
          --source=NAME      one source: csv, coingecko, coinpaprika or rss
          --PROPERTY=VALUE   any configuration property, e.g. --kasparro.sources.csv.path=data/*.csv
                             or --server.port=9090 (also from the environment:
                             KASPARRO_SOURCES_CSV_PATH=...); see the README's Configuration table

        Without SPRING_DATASOURCE_URL (or DATABASE_URL) the service runs on an embedded PostgreSQL
        in ./data/postgres.
        """;
  }
}
