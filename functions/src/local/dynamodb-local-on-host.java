// Runs Amazon's DynamoDB Local listening on one address only: its own launcher listens on every interface and has
// no option to say otherwise. Run as a single source file, with DynamoDB Local's jar and libraries on the class path:
//   java --class-path 'DynamoDBLocal.jar:DynamoDBLocal_lib/*' dynamodb-local-on-host.java <address> <DynamoDB Local's arguments>
import java.util.Arrays;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

class DynamoDbLocalOnHost {
  public static void main(String[] arguments) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(Arrays.copyOfRange(arguments, 1, arguments.length));
    // The server it made, with its one connector, before it starts listening.
    var field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    for (Connector connector : ((Server) field.get(proxy)).getConnectors()) ((ServerConnector) connector).setHost(arguments[0]);
    proxy.start();
    System.out.println("DynamoDB Local listens on " + arguments[0]);
  }
}
