/*
 * Entry point for the test suite's Elasticsearch node (see scripts/services.sh).
 *
 * The same as scripts/opensearch/OpenSearchNode.java, for codelibs'
 * elasticsearch-cluster-runner: what ElasticsearchClusterRunner#main does
 * (same command-line options, close the node on SIGTERM, block until closed)
 * plus turning off its HTTP port probing. The runner looks for a free port
 * from baseHttpPort+1 up to a hard-coded 9299 and throws for anything above,
 * so a node on the high port the tests use (59250) cannot be started through
 * the stock main class. services.sh checks the port is free itself, and a
 * node that silently moved to the next port would be worse than one that
 * fails.
 *
 * Run in Java's single-file source mode (`java -cp 'lib/*'
 * ElasticsearchNode.java ...`): no build step, no compiled artefact to keep in
 * sync.
 */
import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;

public final class ElasticsearchNode {
    public static void main(final String[] args) throws Exception {
        final ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
        runner.setMaxHttpPort(-1); // use exactly baseHttpPort + node number
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final Exception e) {
                System.err.println("closing the node failed: " + e);
            }
        }));
        try {
            runner.build(args);
        } catch (final Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        while (!runner.isClosed()) {
            Thread.sleep(1000);
        }
    }
}
