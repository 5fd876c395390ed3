/** The light build of bottleneck (no clustering), which @octokit/plugin-throttling uses too. */
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
