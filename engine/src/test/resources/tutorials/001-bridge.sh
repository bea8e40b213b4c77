# Seed 001's larger example, in the numbered-list style of the post: net0 and net1 each cabled
# to namespace "bridge", where a Linux bridge joins the two cables.
  1. $ ip netns add net0
  2. $ ip netns add net1
  3. $ ip netns add bridge
  4. $ ip link add type veth
  5. $ ip link set dev veth0 name net0-bridge netns net0
  6. $ ip link set dev veth1 name bridge-net0 netns bridge
  7. $ ip link add type veth
  8. $ ip link set dev veth0 name net1-bridge netns net1
  9. $ ip link set dev veth1 name bridge-net1 netns bridge
 10. $ ip netns exec bridge brctl addbr br
 11. $ ip netns exec bridge ip link set dev br up
 12. $ ip netns exec bridge ip link set dev bridge-net0 up
 13. $ ip netns exec bridge ip link set dev bridge-net1 up
 14. $ ip netns exec bridge brctl addif br bridge-net0
 15. $ ip netns exec bridge brctl addif br bridge-net1
 16. $ ip netns exec bridge brctl show
# the two ends, with ifconfig this time
 17. $ ip netns exec net0 ifconfig net0-bridge 10.0.1.1 netmask 255.255.255.0 up
 18. $ ip netns exec net1 ifconfig net1-bridge 10.0.1.2 netmask 255.255.255.0 up
 19. $ ip netns exec net0 ping -c 3 10.0.1.2
 20. $ ip netns exec net1 ping -c 3 10.0.1.1
