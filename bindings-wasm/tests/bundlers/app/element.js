// The element alone (benches/ measures this bundle).
import 'onpace/element';
