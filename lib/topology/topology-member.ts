/** What the topology needs to know about a live member: its name and advertised URLs. */
export interface TopologyMember {
  id: string;
  name: string;
  peerUrls: string[];
  clientUrls: string[];
}
