# Seed 004, first experiment: both ends of one veth pair on this machine, each with an address
# of one subnet. The replies only come once the kernel accepts packets from its own addresses.
[root@centos7 ~]# ip link add veth0 type veth peer name veth1
[root@centos7 ~]# ip addr add 1.1.1.1/24 dev veth0
[root@centos7 ~]# ip addr add 1.1.1.2/24 dev veth1
[root@centos7 ~]# ip link set veth0 up && ip link set veth1 up
[root@centos7 ~]# ip -d link show veth0
# the little ARP script of the post
[root@centos7 ~]# echo 1 > /proc/sys/net/ipv4/conf/veth1/accept_local
[root@centos7 ~]# echo 1 > /proc/sys/net/ipv4/conf/veth0/accept_local
[root@centos7 ~]# echo 0 > /proc/sys/net/ipv4/conf/all/rp_filter
[root@centos7 ~]# echo 0 > /proc/sys/net/ipv4/conf/veth0/rp_filter
[root@centos7 ~]# echo 0 > /proc/sys/net/ipv4/conf/veth1/rp_filter
[root@centos7 ~]# ping -c 3 -I veth0 1.1.1.2
[root@centos7 ~]# tcpdump -n -i veth1
