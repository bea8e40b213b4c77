  1. $ ip netns add net0 
  1. $ ip netns listnet0 
  1. $ ip netns exec net0  
  2. `command` 
  1. $ ip netns add net1 
  1. $ ip link set veth0 netns net0 
  2. $ ip link set veth1 netns net1 
ip netns add net0ip netns add net1ip netns add bridgeip link add type vethip link set dev veth0 name net0-bridge netns net0ip link set dev veth1 name bridge-net0 netns bridgeip link add type vethip link set dev veth0 name net1-bridge netns net1ip link set dev veth1 name bridge-net1 netns bridge 。
ip netns exec bridge brctl addbr brip netns exec bridge ip link set dev br upip netns exec bridge ip link set dev bridge-net0 upip netns exec bridge ip link set dev bridge-net1 upip netns exec bridge brctl addif br bridge-net0ip netns exec bridge brctl addif br bridge-net1 。
