# Seed 004, second experiment: the pair's ends in two namespaces, net0 and net1.
[root@centos7 ~]# ip link add veth0 type veth peer name veth1
[root@centos7 ~]# ip netns add net0
[root@centos7 ~]# ip netns add net1
[root@centos7 ~]# ip link set veth0 netns net0
[root@centos7 ~]# ip link set veth1 netns net1
[root@centos7 ~]# ip netns exec net0 ip addr add 10.0.1.1/24 dev veth0
[root@centos7 ~]# ip netns exec net0 ip link set veth0 up
[root@centos7 ~]# ip netns exec net0 ip link set lo up
[root@centos7 ~]# ip netns exec net1 ip addr add 10.0.1.2/24 dev veth1
[root@centos7 ~]# ip netns exec net1 ip link set veth1 up
[root@centos7 ~]# ip netns exec net1 ip link set lo up
[root@centos7 ~]# ip netns exec net0 ip route
[root@centos7 ~]# ip netns exec net0 ping -c 3 10.0.1.2
[root@centos7 ~]# ip netns exec net1 tcpdump -n -i veth1
