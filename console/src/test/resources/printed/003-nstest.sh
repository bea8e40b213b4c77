# add a new namespace
ip netns add <network namespace name>
#Example:
ip netns add nstest
# list all namespaces
ip netns list
ip netns delete <network namespace name>
# execute a command in a namespace
ip netns exec <network namespace name> <command>
#Example using the namespace from above:
ip netns exec nstest ip addr
ip netns exec <network namespace name> bash
# set the link of lo in the namespace to up
ip netns exec nstest ip link set dev lo up
# list all interfaces and the state in the namespace 
ip netns exec nstest ip link
ip link add veth-a type veth peer name veth-b
ip link
ip link set veth-b netns nstest
# list all interfaces in the namespace nstest
ip netns exec nstest ip link
# default namespace
ip addr add 10.0.0.1/24 dev veth-a
ip link set dev veth-a up
#
# namespace nstest
ip netns exec nstest ip addr add 10.0.0.2/24 dev veth-b
ip netns exec nstest ip link set dev veth-b up
ping 10.0.0.2
ip netns exec nstest ping 10.0.0.1
